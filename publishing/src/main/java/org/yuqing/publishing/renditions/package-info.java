/**
 * Renditions (各渠道版本): the one approved master text rendered for each channel — website HTML, press email,
 * SMS segments, microblog post, official-account article and group-robot markdown — shown side by side before
 * approval and bound, with the master, into the content hash the approvals sign.
 */
package org.yuqing.publishing.renditions;
