/**
 * HTTP plumbing shared by the service's APIs: every error a client causes is answered as
 * {@code application/problem+json}.
 */
package org.yuqing.publishing.web;
