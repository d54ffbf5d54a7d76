/**
 * Cases (案件): one per incident whose grade requires a response; opened and escalated from grading's
 * feed (or opened by hand), told of releases by publishing's feed, reported on by users, moved through the
 * workflow's states ({@link org.yuqing.casework.cases.CaseWorkflow}) up to the post-incident review, with a
 * timeline and deadline clocks.
 */
package org.yuqing.casework.cases;
