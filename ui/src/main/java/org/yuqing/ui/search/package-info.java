/**
 * Retrospective keyword search over collected posts (舆情检索), with safely rendered highlights.
 */
package org.yuqing.ui.search;
