/**
 * 口径发布: the statements of a case, the editor (kind templates, versions with their diff, every channel's rendition
 * side by side, submit and release), and the publishing API client the approval inbox and delivery board share.
 */
package org.yuqing.ui.statements;
