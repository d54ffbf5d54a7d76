/**
 * The console's texts in Chinese (default) and English, and the per-session language choice (界面语言).
 */
package org.yuqing.ui.i18n;
