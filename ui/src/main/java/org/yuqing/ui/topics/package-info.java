/**
 * 监测主题: the topics of the user's units, the topic editor (地域词、主体词、事件词、排除词) with a trial run against
 * recent posts before saving, and deletion.
 */
package org.yuqing.ui.topics;
