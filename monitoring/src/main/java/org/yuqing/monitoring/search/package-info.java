/**
 * The post store in Elasticsearch (全文检索): monthly indices behind one alias, installed by an
 * index template, the search API (terms, filters, sort, facets, deep paging), its CSV export and the trial of a topic
 * draft over recent posts (试查). The only package that uses the Elasticsearch client.
 */
package org.yuqing.monitoring.search;
