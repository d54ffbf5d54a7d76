/**
 * The post store in Elasticsearch (全文检索): monthly indices behind one alias, installed by an
 * index template, and the keyword search API. The only package that uses the Elasticsearch client.
 */
package org.yuqing.monitoring.search;
