/**
 * 审批: the leaders' approval inbox — statements whose current text waits for a step of its approval chain, shown
 * exactly as the approval binds it (text, every rendition, content hash), approved or rejected with a comment.
 */
package org.yuqing.ui.approvals;
