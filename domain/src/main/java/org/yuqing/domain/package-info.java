/**
 * The shared kernel of Yuqing: identifiers, grading levels and categories, incident metrics, and the
 * integration events the services exchange. Plain Java; no framework.
 */
package org.yuqing.domain;
