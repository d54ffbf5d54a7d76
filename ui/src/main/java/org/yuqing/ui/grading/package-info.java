/**
 * The grading console (研判): plans and their editor (预案管理), what-if grading and plan comparison (研判推演), the
 * list of recently graded incidents (研判列表) and each incident's grade page with its reasons, history and the
 * analyst's override.
 */
package org.yuqing.ui.grading;
