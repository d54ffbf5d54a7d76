package org.yuqing.casework.documents;

import org.yuqing.casework.clocks.SameDayDeadline;
import org.yuqing.domain.Level;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Stroke;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Draws a {@link HeatCurve} as a PNG chart (舆情热度曲线) with Java 2D, labelled in Chinese with the documents' sans
 * face. The image is {@value #WIDTH}×{@value #HEIGHT} pixels, about 250 dpi across the text width of an A4 page.
 */
final class HeatChart {

    static final int WIDTH = 1600;
    static final int HEIGHT = 640;

    private static final int LEFT = 150;
    private static final int RIGHT = 50;
    private static final int TOP = 110;
    private static final int BOTTOM = 100;
    private static final Color INK = new Color(0x222222);
    private static final Color GRID = new Color(0xDDDDDD);
    private static final Color CURVE = new Color(0xB03A2E);
    private static final Color REPORT = new Color(0x2E5FA8);
    private static final Color RELEASE = new Color(0x1E8449);
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("M月d日 HH:mm").withZone(SameDayDeadline.BEIJING);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("M月d日").withZone(SameDayDeadline.BEIJING);

    private HeatChart() {
    }

    /** The chart as PNG bytes. */
    static byte[] png(HeatCurve curve, Font face) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            new Plot(g, curve, face).draw();
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private record Plot(Graphics2D g, HeatCurve curve, Font face) {

        int x0() {
            return LEFT;
        }

        int x1() {
            return WIDTH - RIGHT;
        }

        int y0() {
            return HEIGHT - BOTTOM;
        }

        int y1() {
            return TOP;
        }

        void draw() {
            levelBands();
            long max = curve.metric().isPresent() ? niceMax(curve.points().stream().mapToLong(HeatCurve.Point::value)
                    .max().orElse(1)) : 4;
            grid(max);
            markers();
            if (curve.metric().isPresent()) {
                values(max);
            } else {
                levelSteps();
            }
            g.setColor(INK);
            g.setStroke(new BasicStroke(2f));
            g.drawRect(x0(), y1(), x1() - x0(), y0() - y1());
            timeAxis();
            legend();
        }

        void levelBands() {
            List<HeatCurve.LevelChange> levels = curve.levels();
            g.setFont(face.deriveFont(Font.PLAIN, 24f));
            for (int i = 0; i < levels.size(); i++) {
                int from = x(levels.get(i).at());
                int to = i + 1 < levels.size() ? x(levels.get(i + 1).at()) : x1();
                Color c = LevelColours.of(levels.get(i).level());
                g.setColor(new Color(c.getRed(), c.getGreen(), c.getBlue(), 48));
                g.fillRect(from, y1(), Math.max(1, to - from), y0() - y1());
                g.setColor(c.darker());
                String label = LevelColours.label(levels.get(i).level());
                if (to - from > g.getFontMetrics().stringWidth(label) + 16) {
                    g.drawString(label, from + 8, y1() + 30);
                }
            }
        }

        void grid(long max) {
            g.setFont(face.deriveFont(Font.PLAIN, 24f));
            FontMetrics fm = g.getFontMetrics();
            for (int i = 0; i <= 4; i++) {
                int y = y0() - (y0() - y1()) * i / 4;
                g.setColor(GRID);
                g.setStroke(new BasicStroke(1.5f));
                g.drawLine(x0(), y, x1(), y);
                g.setColor(INK);
                String label = curve.metric().isPresent() ? Long.toString(max * i / 4)
                        : i == 0 ? "" : Level.values()[i - 1].chineseName();
                g.drawString(label, x0() - 12 - fm.stringWidth(label), y + fm.getAscent() / 2 - 2);
            }
            String axis = curve.metric().map(m -> m + "（" + curve.unit() + "）").orElse("级别");
            g.drawString(axis, 20, y1() - 20);
        }

        void markers() {
            Stroke dashed = new BasicStroke(2.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[]{12f, 8f}, 0f);
            g.setStroke(dashed);
            for (HeatCurve.Marker m : curve.markers()) {
                g.setColor(m.kind().equals("REPORTED") ? REPORT : RELEASE);
                int x = x(m.at());
                g.drawLine(x, y1(), x, y0());
            }
        }

        void values(long max) {
            List<HeatCurve.Point> points = curve.points();
            g.setColor(CURVE);
            g.setStroke(new BasicStroke(5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            for (int i = 1; i < points.size(); i++) {
                g.drawLine(x(points.get(i - 1).at()), y(points.get(i - 1).value(), max),
                        x(points.get(i).at()), y(points.get(i).value(), max));
            }
            g.setFont(face.deriveFont(Font.BOLD, 26f));
            FontMetrics fm = g.getFontMetrics();
            for (HeatCurve.Point p : points) {
                int x = x(p.at());
                int y = y(p.value(), max);
                g.setColor(CURVE);
                g.fillOval(x - 9, y - 9, 18, 18);
                String label = Long.toString(p.value());
                int lx = Math.min(x1() - fm.stringWidth(label) - 4, Math.max(x0() + 4, x - fm.stringWidth(label) / 2));
                g.setColor(INK);
                g.drawString(label, lx, Math.max(y1() + fm.getAscent() + 4, y - 18));
            }
        }

        void levelSteps() {
            List<HeatCurve.LevelChange> levels = curve.levels();
            g.setColor(CURVE);
            g.setStroke(new BasicStroke(5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            for (int i = 0; i < levels.size(); i++) {
                int from = x(levels.get(i).at());
                int to = i + 1 < levels.size() ? x(levels.get(i + 1).at()) : x1();
                int y = y(levels.get(i).level().ordinal() + 1, 4);
                g.drawLine(from, y, to, y);
                if (i + 1 < levels.size()) {
                    g.drawLine(to, y, to, y(levels.get(i + 1).level().ordinal() + 1, 4));
                }
            }
        }

        void timeAxis() {
            g.setFont(face.deriveFont(Font.PLAIN, 24f));
            FontMetrics fm = g.getFontMetrics();
            g.setColor(INK);
            Duration span = Duration.between(curve.from(), curve.to());
            DateTimeFormatter format = span.compareTo(Duration.ofDays(4)) > 0 ? DAY : HOUR;
            int ticks = 5;
            for (int i = 0; i <= ticks; i++) {
                Instant at = curve.from().plus(span.multipliedBy(i).dividedBy(ticks));
                if (i > 0 && i < ticks && span.compareTo(Duration.ofHours(10)) > 0) {
                    // Whole hours read better; the first and last ticks keep the exact ends.
                    at = at.truncatedTo(java.time.temporal.ChronoUnit.HOURS);
                }
                int x = x(at);
                g.setStroke(new BasicStroke(2f));
                g.drawLine(x, y0(), x, y0() + 10);
                String label = format.format(at);
                int lx = Math.min(WIDTH - fm.stringWidth(label) - 8, Math.max(8, x - fm.stringWidth(label) / 2));
                g.drawString(label, lx, y0() + 16 + fm.getAscent());
            }
            String note = "时间（北京时间）";
            g.drawString(note, (x0() + x1() - fm.stringWidth(note)) / 2, HEIGHT - 18);
        }

        void legend() {
            g.setFont(face.deriveFont(Font.PLAIN, 24f));
            FontMetrics fm = g.getFontMetrics();
            int x = x1();
            int y = 44;
            x = legendItem(x, y, fm, RELEASE, "信息发布", true);
            x = legendItem(x, y, fm, REPORT, "报告", true);
            legendItem(x, y, fm, CURVE, curve.metric().orElse("级别"), false);
        }

        // Drawn right to left; returns where the next item ends.
        int legendItem(int right, int y, FontMetrics fm, Color colour, String text, boolean dashed) {
            int textX = right - fm.stringWidth(text);
            g.setColor(INK);
            g.drawString(text, textX, y + fm.getAscent() / 2 - 2);
            g.setColor(colour);
            g.setStroke(dashed ? new BasicStroke(3f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                    new float[]{10f, 6f}, 0f) : new BasicStroke(5f));
            g.drawLine(textX - 60, y, textX - 12, y);
            return textX - 100;
        }

        int x(Instant at) {
            double span = Math.max(1, Duration.between(curve.from(), curve.to()).toSeconds());
            double offset = Duration.between(curve.from(), at).toSeconds();
            return x0() + (int) Math.round((x1() - x0()) * Math.min(1, Math.max(0, offset / span)));
        }

        int y(long value, long max) {
            return y0() - (int) Math.round((y0() - y1()) * (double) value / max);
        }

        // A round upper bound with some headroom, e.g. 612 -> 800.
        static long niceMax(long value) {
            long v = Math.max(4, value + value / 10);
            long magnitude = (long) Math.pow(10, Math.floor(Math.log10(v)));
            for (double step : new double[]{1, 1.2, 1.6, 2, 2.4, 3, 4, 5, 6, 8, 10}) {
                long candidate = Math.round(step * magnitude);
                if (candidate >= v && candidate % 4 == 0) {
                    return candidate;
                }
            }
            return 10 * magnitude;
        }
    }
}
