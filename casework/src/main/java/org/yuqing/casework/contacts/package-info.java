/**
 * The contact directory (通讯录): who is reached for a unit's notices — people by their escalation roles, on email
 * and SMS, and each unit's WeCom / DingTalk group robots — kept by administrators through the contacts API.
 */
package org.yuqing.casework.contacts;
