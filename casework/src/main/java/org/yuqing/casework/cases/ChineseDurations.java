package org.yuqing.casework.cases;

import java.time.Duration;

/** Writes a plan's time limit the way the plans do: 2小时, 30分钟, 1小时30分钟. */
final class ChineseDurations {

    private ChineseDurations() {
    }

    static String format(Duration d) {
        long hours = d.toHours();
        int minutes = d.toMinutesPart();
        if (hours == 0) {
            return d.toMinutes() + "分钟";
        }
        return minutes == 0 ? hours + "小时" : hours + "小时" + minutes + "分钟";
    }
}
