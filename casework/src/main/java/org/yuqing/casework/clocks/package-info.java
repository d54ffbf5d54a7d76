/**
 * Deadline clocks of a case (上报时限、首次发声时限、总结评估时限): when each is due, when it was met, and whether it
 * is running, met, missed or met late at a given moment. Pure logic, no storage.
 */
package org.yuqing.casework.clocks;
