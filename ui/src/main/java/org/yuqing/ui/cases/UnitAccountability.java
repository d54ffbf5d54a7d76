package org.yuqing.ui.cases;

import java.time.Instant;
import java.util.List;

/**
 * The answer of {@code GET /api/casework/accountability/units?from=&to=} (迟报/漏报/瞒报统计): per unit in the user's
 * scope that opened cases in the period, how their reports went, each count with its cases.
 *
 * @param from  start of the period (inclusive)
 * @param to    end of the period (exclusive)
 * @param asOf  when the cases were judged
 * @param units one record per unit
 */
record UnitAccountability(Instant from, Instant to, Instant asOf, List<UnitRecord> units) {

    UnitAccountability {
        units = units == null ? List.of() : List.copyOf(units);
    }

    /**
     * One unit's record.
     *
     * @param cases       the cases the unit opened in the period
     * @param onTime      reported at or before the deadline (按时报告)
     * @param late        reported after it (迟报)
     * @param missed      deadline passed, no report (漏报)
     * @param concealed   understated or withheld (瞒报); may overlap with on time and late
     * @param pending     not reported yet, deadline still ahead
     * @param concealment why each concealed case counts as such
     */
    record UnitRecord(String unitId, Cases cases, Cases onTime, Cases late, Cases missed, Cases concealed,
                      Cases pending, List<Concealed> concealment) {

        UnitRecord {
            concealment = concealment == null ? List.of() : List.copyOf(concealment);
        }
    }

    /** A count with the cases behind it. */
    record Cases(int count, List<String> caseIds) {

        Cases {
            caseIds = caseIds == null ? List.of() : List.copyOf(caseIds);
        }
    }

    /**
     * A concealed case and why.
     *
     * @param text the reasons in Chinese, e.g. 报告所述级别低于案件级别（少报级别）
     */
    record Concealed(String caseId, List<String> reasons, String text) {
    }
}
