/**
 * 单位管理: the unit tree (属地) administrators maintain — add, rename, move and delete units.
 */
package org.yuqing.ui.units;
