/**
 * Cases (案件): one per incident whose grade requires a response; opened and escalated from grading's
 * feed, told of releases by publishing's feed, reported on by users, with a timeline and deadline clocks.
 */
package org.yuqing.casework.cases;
