/**
 * The casework console: the case board (案件看板, the start page), the case page (案件详情: clocks, grade, reports,
 * tasks, timeline, comments, attachments, documents, ledger), 我的期限 (the user's open deadlines and inbox) and
 * 责任追究 (late, missed and concealed reports per unit), all read and worked on through the gateway.
 */
package org.yuqing.ui.cases;
