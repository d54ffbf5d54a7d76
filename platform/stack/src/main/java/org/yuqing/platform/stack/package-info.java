/**
 * The local stack: a real PostgreSQL and a real Elasticsearch node, provisioned from Maven Central
 * artifacts and run as child processes, for the embedded default, the build and the tests.
 */
package org.yuqing.platform.stack;
