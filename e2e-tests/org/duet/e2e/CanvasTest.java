package org.duet.e2e;

import java.time.Duration;
import java.util.function.Consumer;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;

/**
 * What the canvas tests share besides a server and a browser: a fresh document per test, and the gestures of a
 * person — find a shape or a handle of the overlay, click, Shift-click, drag in small steps.
 */
abstract class CanvasTest extends BrowserTest {
    private int docs;

    /** Opens a fresh document with this program and waits for its drawing. */
    String open(String program) {
        String doc = name().toLowerCase().replace("it", "") + (++docs);
        server.writeDocument(doc, program);
        browser.openEditor(server.url("doc/" + doc));
        browser.waitForGoodRun();
        browser.waitForSvg("the drawing", s -> s.contains("data-duet-i"));
        return doc;
    }

    WebElement shape(int i) {
        return browser.driver.findElement(By.cssSelector("duet-canvas .duet-stage > svg [data-duet-i='" + i + "']"));
    }

    /** An attribute of a shape of the drawing, read afresh. */
    String attr(int shape, String name) {
        return shape(shape).getAttribute(name);
    }

    /** An element of the overlay above the drawing (handles, widgets, features), once it is there. */
    WebElement overlay(String css) {
        return browser.until(
                css,
                b -> b.driver.findElements(By.cssSelector("duet-canvas .duet-overlay " + css)).stream()
                        .findFirst()
                        .orElse(null));
    }

    String caption() {
        return browser.driver
                .findElement(By.cssSelector("duet-canvas .duet-caption"))
                .getText();
    }

    void click(WebElement e) {
        click(e, false);
    }

    void click(WebElement e, boolean shift) {
        Actions a = new Actions(browser.driver).moveToElement(e).pause(Duration.ofMillis(250));
        a = shift ? a.keyDown(Keys.SHIFT).click().keyUp(Keys.SHIFT) : a.click();
        a.perform();
    }

    /**
     * Clicks a shape to select it and waits until the inspector has opened beside the canvas and the canvas has
     * stopped panning (it keeps the selection in view when it narrows).
     */
    void select(int i) {
        click(shape(i));
        overlay("[data-selected='" + i + "']");
        browser.until("the inspector", b -> b.byId("inspector").isDisplayed());
        String[] last = {""};
        browser.until("the canvas to settle", b -> {
            String now = (String) b.js("return document.querySelector('duet-canvas .duet-stage').style.transform");
            boolean same = now.equals(last[0]);
            last[0] = now;
            if (!same) {
                try {
                    Thread.sleep(150);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return same;
        });
    }

    /** Does something with an overlay element; the overlay is redrawn as the pointer moves, so it is found again. */
    void withOverlay(String css, Consumer<WebElement> action) {
        for (int i = 0; ; i++) {
            try {
                action.accept(overlay(css));
                return;
            } catch (StaleElementReferenceException e) {
                if (i == 5) throw e;
            }
        }
    }

    /** Drags an element of the overlay (a handle, a widget's ball) by (dx, dy). */
    void dragOverlay(String css, int dx, int dy) {
        withOverlay(css, e -> drag(e, dx, dy));
    }

    /** Presses on an element, moves by (dx, dy) in up to ten steps (a frame apart), releases. */
    void drag(WebElement from, int dx, int dy) {
        Actions a = new Actions(browser.driver)
                .moveToElement(from)
                .pause(Duration.ofMillis(300))
                .clickAndHold();
        int steps = Math.max(1, Math.min(10, Math.max(Math.abs(dx), Math.abs(dy))));
        int doneX = 0, doneY = 0;
        for (int i = 1; i <= steps; i++) {
            int x = dx * i / steps, y = dy * i / steps;
            a = a.moveByOffset(x - doneX, y - doneY).pause(Duration.ofMillis(20));
            doneX = x;
            doneY = y;
        }
        a.pause(Duration.ofMillis(300)).release().perform();
    }
}
