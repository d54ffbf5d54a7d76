/**
 * The admin console (管理控制台), in Chinese by default and in English.
 */
package org.yuqing.ui;
