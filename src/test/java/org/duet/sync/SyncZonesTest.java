package org.duet.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.duet.sync.SyncTesting.dragText;
import static org.duet.sync.SyncTesting.table;
import static org.duet.sync.SyncTesting.trigger;
import static org.duet.sync.SyncTesting.zoneNames;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The zones of every shape kind, their attributes and update rules (interaction.md §2.2, §2.3, §2.6). */
class SyncZonesTest {
    static final List<String> NINE = List.of(
            "Interior", "TopLeft", "TopEdge", "TopRight", "RightEdge", "BotRight", "BotEdge", "BotLeft", "LeftEdge");

    @Test
    void rectZonesAndRules() {
        String p = "(svg [(rect 'red' 10 20 30 40)])";
        SyncTable t = table(p);
        assertThat(zoneNames(t, 0)).isEqualTo(NINE);
        assertThat(t.shape(0).kind).isEqualTo("rect");
        assertThat(trigger(t, 0, "TopRight")).containsExactly("y:loc_2", "width:loc_3", "height:loc_4");
        assertThat(dragText(p, 0, "Interior", 7, -5)).isEqualTo("(svg [(rect 'red' 17 15 30 40)])");
        assertThat(dragText(p, 0, "TopLeft", 7, -5)).isEqualTo("(svg [(rect 'red' 17 15 23 45)])");
        assertThat(dragText(p, 0, "TopEdge", 7, -5)).isEqualTo("(svg [(rect 'red' 10 15 30 45)])");
        assertThat(dragText(p, 0, "TopRight", 7, -5)).isEqualTo("(svg [(rect 'red' 10 15 37 45)])");
        assertThat(dragText(p, 0, "RightEdge", 7, -5)).isEqualTo("(svg [(rect 'red' 10 20 37 40)])");
        assertThat(dragText(p, 0, "BotRight", 7, -5)).isEqualTo("(svg [(rect 'red' 10 20 37 35)])");
        assertThat(dragText(p, 0, "BotEdge", 7, -5)).isEqualTo("(svg [(rect 'red' 10 20 30 35)])");
        assertThat(dragText(p, 0, "BotLeft", 7, -5)).isEqualTo("(svg [(rect 'red' 17 20 23 35)])");
        assertThat(dragText(p, 0, "LeftEdge", 7, -5)).isEqualTo("(svg [(rect 'red' 17 20 23 40)])");
    }

    @Test
    void boxAndOvalZonesMoveTheirSides() {
        String p = "(svg [(box [10 20 110 220] 'red' 'black' 1) (oval 'red' 'black' 1 [10 20 110 220])])";
        SyncTable t = table(p);
        assertThat(t.shape(0).kind).isEqualTo("BOX");
        assertThat(t.shape(1).kind).isEqualTo("OVAL");
        assertThat(zoneNames(t, 0)).startsWith(NINE.toArray(new String[0]));
        assertThat(trigger(t, 0, "Interior")).containsExactly("LEFT:loc_1", "TOP:loc_2", "RIGHT:loc_3", "BOT:loc_4");
        assertThat(trigger(t, 1, "TopRight")).containsExactly("RIGHT:loc_9", "TOP:loc_8");
        assertThat(dragText(p, 0, "Interior", 7, -5)).startsWith("(svg [(box [17 15 117 215]");
        assertThat(dragText(p, 0, "TopLeft", 7, -5)).startsWith("(svg [(box [17 15 110 220]");
        assertThat(dragText(p, 0, "BotRight", 7, -5)).startsWith("(svg [(box [10 20 117 215]");
        assertThat(dragText(p, 0, "LeftEdge", 7, -5)).startsWith("(svg [(box [17 20 110 220]");
        assertThat(dragText(p, 1, "TopEdge", 7, -5)).endsWith("[10 15 110 220])])");
        assertThat(dragText(p, 1, "BotLeft", 7, -5)).endsWith("[17 20 110 215])])");
    }

    @Test
    void circleCornersUseTheLargerDisplacement() {
        String p = "(svg [(circle 'red' 100 100 50)])";
        SyncTable t = table(p);
        assertThat(zoneNames(t, 0)).isEqualTo(NINE);
        // ▶ v0.5.2: BotRight by (20, 5) makes r 50 → 70
        assertThat(dragText(p, 0, "BotRight", 20, 5)).isEqualTo("(svg [(circle 'red' 100 100 70)])");
        assertThat(dragText(p, 0, "TopLeft", -20, 5)).isEqualTo("(svg [(circle 'red' 100 100 70)])");
        assertThat(dragText(p, 0, "TopRight", 3, -9)).isEqualTo("(svg [(circle 'red' 100 100 59)])");
        assertThat(dragText(p, 0, "BotLeft", 3, -9)).isEqualTo("(svg [(circle 'red' 100 100 47)])");
        assertThat(dragText(p, 0, "RightEdge", 7, -5)).isEqualTo("(svg [(circle 'red' 100 100 57)])");
        assertThat(dragText(p, 0, "LeftEdge", 7, -5)).isEqualTo("(svg [(circle 'red' 100 100 43)])");
        assertThat(dragText(p, 0, "TopEdge", 7, -5)).isEqualTo("(svg [(circle 'red' 100 100 55)])");
        assertThat(dragText(p, 0, "BotEdge", 7, -5)).isEqualTo("(svg [(circle 'red' 100 100 45)])");
        assertThat(dragText(p, 0, "Interior", 7, -5)).isEqualTo("(svg [(circle 'red' 107 95 50)])");
        assertThat(t.zone(0, "BotRight").trigger().get(0).axis).isEqualTo("dxy");
    }

    @Test
    void ellipseCornersApplyBothEdgeRules() {
        String p = "(svg [(ellipse 'red' 100 100 50 30)])";
        assertThat(zoneNames(table(p), 0)).isEqualTo(NINE);
        assertThat(dragText(p, 0, "TopLeft", 7, -5)).isEqualTo("(svg [(ellipse 'red' 100 100 43 35)])");
        assertThat(dragText(p, 0, "BotRight", 7, -5)).isEqualTo("(svg [(ellipse 'red' 100 100 57 25)])");
        assertThat(dragText(p, 0, "RightEdge", 7, -5)).isEqualTo("(svg [(ellipse 'red' 100 100 57 30)])");
        assertThat(dragText(p, 0, "TopEdge", 7, -5)).isEqualTo("(svg [(ellipse 'red' 100 100 50 35)])");
        assertThat(dragText(p, 0, "Interior", 7, -5)).isEqualTo("(svg [(ellipse 'red' 107 95 50 30)])");
    }

    @Test
    void lineHasTwoPointsAndAnEdge() {
        String p = "(svg [(line 'black' 2 10 20 30 40)])";
        SyncTable t = table(p);
        assertThat(zoneNames(t, 0)).containsExactly("Point1", "Point2", "Edge", "StrokeWidthBall");
        assertThat(dragText(p, 0, "Point1", 7, -5)).isEqualTo("(svg [(line 'black' 2 17 15 30 40)])");
        assertThat(dragText(p, 0, "Point2", 7, -5)).isEqualTo("(svg [(line 'black' 2 10 20 37 35)])");
        assertThat(dragText(p, 0, "Edge", 7, -5)).isEqualTo("(svg [(line 'black' 2 17 15 37 35)])");
    }

    @Test
    void polygonPointsEdgesWrapAndInterior() {
        String p = "(svg [(polygon 'red' 'black' 1 [[0 0] [10 0] [10 10]])])";
        SyncTable t = table(p);
        assertThat(zoneNames(t, 0)).startsWith("Point1", "Point2", "Point3", "Edge1", "Edge2", "Edge3", "Interior");
        assertThat(trigger(t, 0, "Edge3"))
                .containsExactly("points[3].x:loc_6", "points[3].y:loc_7", "points[1].x:loc_2", "points[1].y:loc_3");
        assertThat(dragText(p, 0, "Point2", 7, -5)).contains("[[0 0] [17 -5] [10 10]]");
        assertThat(dragText(p, 0, "Edge3", 7, -5)).contains("[[7 -5] [10 0] [17 5]]");
        assertThat(dragText(p, 0, "Interior", 7, -5)).contains("[[7 -5] [17 -5] [17 5]]");
    }

    @Test
    void polylineEdgeIMovesPointsIAndIPlusOne() {
        String p = "(svg [(polyline 'none' 'black' 1 [[0 0] [10 0] [10 10]])])";
        SyncTable t = table(p);
        assertThat(zoneNames(t, 0)).startsWith("Point1", "Point2", "Point3", "Edge1", "Edge2", "Interior");
        assertThat(zoneNames(t, 0)).doesNotContain("Edge3");
        // Sketch-n-Sketch's last polyline edge moved points n−1 and 1; Duet's moves n−1 and n
        assertThat(dragText(p, 0, "Edge2", 7, -5)).contains("[[0 0] [17 -5] [17 5]]");
    }

    @Test
    void polygonInteriorNeedsEveryCoordinate() {
        SyncTable t = table("(svg [(polygon 'red' 'black' 1 [[0! 0] [10 0] [10 10]])])");
        assertThat(t.zone(0, "Interior").active()).isFalse();
        assertThat(t.zone(0, "Interior").inactive).isEqualTo(Zone.Inactive.PARTIAL);
        assertThat(t.zone(0, "Point1").active()).isTrue(); // its y still moves
        assertThat(trigger(t, 0, "Point1")).containsExactly("points[1].y:loc_3");
    }

    @Test
    void pathPointsOfAbsoluteCommandsIncludingControlPoints() {
        String p =
                "(svg [(path 'none' 'black' 1 ['M' 10 10 'C' 20 0 30 0 40 10 'l' 5 5 'H' 50 'A' 5 5 0 0 1 60 60 'Q' 1 2 3 4 'Z'])])";
        SyncTable t = table(p);
        // M: 1, C: 3, A: end point, Q: 2 — relative l and H get none
        assertThat(zoneNames(t, 0))
                .startsWith("Point1", "Point2", "Point3", "Point4", "Point5", "Point6", "Point7", "Interior");
        assertThat(zoneNames(t, 0)).doesNotContain("Point8", "Edge1");
        assertThat(trigger(t, 0, "Point5")).containsExactly("d[5].x:loc_18", "d[5].y:loc_19");
        assertThat(dragText(p, 0, "Point3", 7, -5)).contains("'C' 20 0 37 -5 40 10");
        assertThat(dragText(p, 0, "Point5", 7, -5)).contains("'A' 5 5 0 0 1 67 55");
        assertThat(dragText(p, 0, "Interior", 7, -5))
                .contains("['M' 17 5 'C' 27 -5 37 -5 47 5 'l' 5 5 'H' 50 'A' 5 5 0 0 1 67 55 'Q' 8 -3 10 -1 'Z']");
    }

    @Test
    void textHasAnInteriorZone() {
        String p = "(svg [(text 10 20 'hello')])";
        SyncTable t = table(p);
        assertThat(t.shape(0).kind).isEqualTo("text");
        assertThat(zoneNames(t, 0)).containsExactly("Interior");
        assertThat(dragText(p, 0, "Interior", 7, -5)).isEqualTo("(svg [(text 17 15 'hello')])");
    }

    @Test
    void groupsHaveNoZonesButCountInTheNumbering() {
        String p = "(svg [(rect 'red' 1 2 3 4) ['g' [] [(circle 'red' 5 6 7)]]])";
        SyncTable t = table(p);
        assertThat(t.shape(0).kind).isEqualTo("rect");
        assertThat(t.shape(1)).isNull();
        assertThat(t.shape(2).kind).isEqualTo("circle");
        assertThat(dragText(p, 2, "Interior", 1, 1))
                .isEqualTo("(svg [(rect 'red' 1 2 3 4) ['g' [] [(circle 'red' 6 7 7)]]])");
    }

    @Test
    void colourWidgetsChangeColourNumberAndOpacity() {
        String p = "(svg [(rawRect [100 0.5] [200 0.25] 3 10 20 30 40 0)])";
        SyncTable t = table(p);
        assertThat(zoneNames(t, 0))
                .containsSequence(
                        "FillBall",
                        "StrokeBall",
                        "FillOpacityBall",
                        "StrokeOpacityBall",
                        "StrokeWidthBall",
                        "RotateBall");
        // n' = clamp(n + 2dx, 0, 499)
        assertThat(dragText(p, 0, "FillBall", 7, -5)).startsWith("(svg [(rawRect [114 0.5] [200 0.25] 3");
        assertThat(dragText(p, 0, "StrokeBall", 400, 0)).startsWith("(svg [(rawRect [100 0.5] [499 0.25] 3");
        // Duet: the opacity widgets change the opacity, o' = clamp(o + dx/20, 0, 1)
        assertThat(dragText(p, 0, "FillOpacityBall", 5, 0)).startsWith("(svg [(rawRect [100 0.75] [200 0.25] 3");
        assertThat(dragText(p, 0, "StrokeOpacityBall", -40, 0)).startsWith("(svg [(rawRect [100 0.5] [200 0] 3");
        // sw' = round(clamp(sw + dx/3, 0, 20))
        assertThat(dragText(p, 0, "StrokeWidthBall", 7, 0)).startsWith("(svg [(rawRect [100 0.5] [200 0.25] 5 ");
        assertThat(dragText(p, 0, "StrokeWidthBall", 100, 0)).startsWith("(svg [(rawRect [100 0.5] [200 0.25] 20 ");
    }

    @Test
    void rotateBallTurnsAroundTheCentre() {
        // ring radius of a rect: 20 + h/2 = 40; grabbed at the top, dragged to the right of the centre: +90°
        String p = "(svg [(rawRect 100 0 0 0 0 40 40 10)])";
        assertThat(dragText(p, 0, "RotateBall", 40, 40)).isEqualTo("(svg [(rawRect 100 0 0 0 0 40 40 100)])");
        assertThat(dragText(p, 0, "RotateBall", -40, 40)).isEqualTo("(svg [(rawRect 100 0 0 0 0 40 40 -80)])");
    }

    @Test
    void stringColoursHaveNoColourWidgets() {
        SyncTable t = table("(svg [(rect 'red' 1 2 3 4)])");
        assertThat(zoneNames(t, 0)).doesNotContain("FillBall", "StrokeBall", "StrokeWidthBall");
    }

    @Test
    void slidersAreProgramWidgets() {
        String p = "(def n 3{1-10})\n(def k 0.5!{0-1})\n(def f 2.5{0-5})\n(svg [(rect 'red' n k f 4)])";
        SyncTable t = table(p);
        assertThat(t.widgets()).extracting(z -> z.name).containsExactly("IntSlider1", "NumSlider2", "NumSlider3");
        // v' = clamp(v + dx/100·(hi − lo), lo, hi), an Int slider rounds
        assertThat(SyncTesting.drag(p, Sync.WIDGETS, "IntSlider1", 23, 99).newText)
                .startsWith("(def n 5{1-10})");
        assertThat(SyncTesting.drag(p, Sync.WIDGETS, "IntSlider1", 500, 0).newText)
                .startsWith("(def n 10{1-10})");
        // §9 #12: integer bounds but a fractional value make a Num slider; a frozen slider literal still moves
        assertThat(SyncTesting.drag(p, Sync.WIDGETS, "NumSlider2", 20, 0).newText)
                .contains("(def k 0.7!{0-1})");
        assertThat(SyncTesting.drag(p, Sync.WIDGETS, "NumSlider3", -10, 0).newText)
                .contains("(def f 2{0-5})");
    }

    @Test
    void ghostsHaveZonesToo() {
        SyncTable t = table("(svg [(ghost (circle 'red' 5 6 7)) (rect 'red' 1 2 3 4)])");
        assertThat(t.canvas().elements().get(0).isGhost()).isTrue();
        assertThat(t.shape(0).kind).isEqualTo("circle");
        assertThat(t.shape(1).kind).isEqualTo("rect");
    }
}
