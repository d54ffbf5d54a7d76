package org.yuqing.casework.documents;

import org.yuqing.domain.Level;

import java.awt.Color;

/**
 * The warning colours of the levels as Chinese emergency plans use them: IV blue, III yellow, II orange, I red
 * (蓝、黄、橙、红色预警).
 */
final class LevelColours {

    private LevelColours() {
    }

    /** The level's colour, for a badge's background or a chart band. */
    static Color of(Level level) {
        return switch (level) {
            case GENERAL -> new Color(0x1E64C8);
            case SERIOUS -> new Color(0xF1C40F);
            case MAJOR -> new Color(0xE67E22);
            case EXTRAORDINARY -> new Color(0xC0392B);
        };
    }

    /** The text colour that reads on {@link #of(Level)}. */
    static Color textOn(Level level) {
        return level == Level.SERIOUS ? new Color(0x222222) : Color.WHITE;
    }

    /** How a header names the level, e.g. 重大（II级）. */
    static String label(Level level) {
        return level.chineseName() + "（" + level.roman() + "级）";
    }
}
