/**
 * My deadlines (我的待办时限): the running clocks and open tasks of the cases a person is assigned to, or of their
 * units, soonest first, in one call.
 */
package org.yuqing.casework.deadlines;
