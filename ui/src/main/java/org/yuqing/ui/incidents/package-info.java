/**
 * 舆情事件: the incidents of the user's unit scope with their heat, sortable by heat, with the representative posts of
 * the one selected and a link to its grading (研判).
 */
package org.yuqing.ui.incidents;
