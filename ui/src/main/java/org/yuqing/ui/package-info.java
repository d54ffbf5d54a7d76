/**
 * The admin console (管理控制台), in Chinese by default and in English; reached through the gateway only.
 */
package org.yuqing.ui;
