/**
 * The frame around every view: product name, navigation, current user, language switch and logout.
 */
package org.yuqing.ui.layout;
