/**
 * Who may call which endpoint of the grading service: its role rules (角色权限) in one place, on top of the
 * shared security library.
 */
package org.yuqing.grading.access;
