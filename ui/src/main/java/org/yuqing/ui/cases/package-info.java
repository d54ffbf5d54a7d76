/**
 * The cases view (案件): every case the user may see, with its report and first-statement deadlines counting down.
 */
package org.yuqing.ui.cases;
