/**
 * Case documents (案件文书): the registration form (舆情处理登记表), the special report (舆情专报) and the post-incident
 * review (总结评估报告), composed from a case's record and typeset in Chinese as PDF and DOCX.
 */
package org.yuqing.casework.documents;
