/**
 * Deadline clocks of a case (上报、首次发声、总结评估、书面报告、答复、续报时限): when each is due, when it was met, and whether it
 * is running, met, missed or met late at a given moment. Pure logic, no storage.
 */
package org.yuqing.casework.clocks;
