/**
 * Accountability per unit (责任追究统计): for the cases a unit opened in a period, which were reported on time, late
 * (迟报), not at all (漏报) or concealed (瞒报), with the cases behind every count.
 */
package org.yuqing.casework.accountability;
