/**
 * Tasks on a case (任务交办): work given to a unit with a deadline, completed by a person; open tasks hold the case
 * open (it cannot be closed) and overdue ones show on the case.
 */
package org.yuqing.casework.tasks;
