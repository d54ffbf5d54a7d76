/**
 * The integration events that carry the pipeline between services (monitoring → grading → casework
 * ⇄ publishing). Each is an immutable record; its type name on the wire is its simple class name.
 */
package org.yuqing.domain.events;
