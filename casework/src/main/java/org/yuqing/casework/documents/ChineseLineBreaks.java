package org.yuqing.casework.documents;

import org.openpdf.text.pdf.DefaultSplitCharacter;
import org.openpdf.text.pdf.PdfChunk;

/**
 * Where OpenPDF may break a line in Chinese text, with the rule of 避头尾 (kinsoku): closing punctuation
 * (，。、；：？！）》” …) never starts a line and opening punctuation (（《“ …) never ends one. Otherwise OpenPDF's
 * own rule applies (a break after any CJK character, a space or a hyphen).
 */
final class ChineseLineBreaks extends DefaultSplitCharacter {

    static final ChineseLineBreaks INSTANCE = new ChineseLineBreaks();

    private static final String NEVER_STARTS = "，。、；：？！）》」』】〕〉”’…—·％,.;:?!)]}%";
    private static final String NEVER_ENDS = "（《「『【〔〈“‘([{";

    private ChineseLineBreaks() {
    }

    @Override
    public boolean isSplitCharacter(int start, int current, int end, char[] cc, PdfChunk[] ck) {
        char here = getCurrentCharacter(current, cc, ck);
        if (NEVER_ENDS.indexOf(here) >= 0) {
            return false;
        }
        if (current + 1 < end && current + 1 < cc.length
                && NEVER_STARTS.indexOf(getCurrentCharacter(current + 1, cc, ck)) >= 0) {
            return false;
        }
        return super.isSplitCharacter(start, current, end, cc, ck);
    }
}
