package org.yuqing.monitoring.search;

/** The kind of outlet a post appeared in (媒体类型). */
public enum Medium {
    /** News portal or newspaper site (新闻网站). */
    NEWS,
    /** Forum or bulletin board (论坛). */
    FORUM,
    /** Weibo (微博). */
    WEIBO,
    /** WeChat official account (微信公众号). */
    WECHAT,
    /** Short or long video platform (视频). */
    VIDEO,
    /** Government website (政府网站). */
    GOVERNMENT,
    /** Anything else (其他). */
    OTHER
}
