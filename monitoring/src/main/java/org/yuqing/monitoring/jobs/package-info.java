/**
 * Background jobs over the stored posts, with progress any replica answers: a topic's backfill over history (回溯) and
 * the administrators' re-index of the posts' derived fields.
 */
package org.yuqing.monitoring.jobs;
