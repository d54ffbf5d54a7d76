/**
 * The cases publishing knows of, learnt from casework's CaseOpened events: each statement belongs to
 * one, and the case's level fixes the approvals (审定) a statement needs.
 */
package org.yuqing.publishing.cases;
