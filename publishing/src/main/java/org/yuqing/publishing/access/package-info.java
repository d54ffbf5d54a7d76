/**
 * Who may call which endpoint of the publishing service: its role rules (only leaders approve, only publishers
 * release, the public site needs no login), in one place.
 */
package org.yuqing.publishing.access;
