/**
 * The frame around every view (product name, navigation, current user, language switch, logout) and the console's
 * notices.
 */
package org.yuqing.ui.layout;
