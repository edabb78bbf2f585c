package org.vindplaats.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.vindplaats.ui.Ids;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Checks the application model as the workbench will read it: three perspectives with the parts
 * the code refers to, a handler for every command, key bindings Ctrl+1..3 for the perspectives,
 * every contribution class loadable, and every %label translated.
 */
class ApplicationModelTest {

    static Document model;
    static Bundle bundle;
    static Map<String, Element> byXmiId = new HashMap<>();

    @BeforeAll
    static void load() throws Exception {
        bundle = FrameworkUtil.getBundle(Ids.class);
        URL url = bundle.getEntry("Application.e4xmi");
        assertNotNull(url);
        try (InputStream in = url.openStream()) {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            model = f.newDocumentBuilder().parse(in);
        }
        NodeList all = model.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            String id = e.getAttributeNS("http://www.omg.org/XMI", "id");
            if (!id.isEmpty()) {
                byXmiId.put(id, e);
            }
        }
    }

    private static List<Element> elements(String type) {
        List<Element> out = new ArrayList<>();
        NodeList all = model.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (type.equals(e.getAttributeNS("http://www.w3.org/2001/XMLSchema-instance", "type"))) {
                out.add(e);
            }
        }
        return out;
    }

    private static Element byElementId(String elementId) {
        for (Element e : byXmiId.values()) {
            if (elementId.equals(e.getAttribute("elementId"))) {
                return e;
            }
        }
        throw new AssertionError("no element " + elementId);
    }

    @Test
    void threePerspectivesHoldTheParts() {
        List<String> perspectives = elements("advanced:Perspective").stream().map(e -> e.getAttribute("elementId")).toList();
        assertEquals(List.of(Ids.PERSPECTIVE_ORIENT, Ids.PERSPECTIVE_SIGNAL, Ids.PERSPECTIVE_MANAGE), perspectives);
        assertEquals(Ids.PERSPECTIVE_ORIENT, ((Element) byElementId(Ids.PART_PLATFORMS).getParentNode().getParentNode().getParentNode())
                .getAttribute("elementId"));
        assertEquals(Ids.PERSPECTIVE_ORIENT, ((Element) byElementId(Ids.PART_METHOD).getParentNode().getParentNode().getParentNode())
                .getAttribute("elementId"), "the method guide is part of orienting");
        for (String part : List.of(Ids.PART_PLATFORMS, Ids.PART_DETAIL, Ids.PART_COMPARE, Ids.PART_METHOD, Ids.PART_TREND_NOTES, Ids.PART_NOTE_EDITOR, Ids.PART_NEEDS_MAP, Ids.PART_PLUGINS,
                Ids.PART_ORGANISATION, Ids.PART_HUB)) {
            byElementId(part);
        }
        for (String part : List.of(Ids.PART_PLUGINS, Ids.PART_ORGANISATION, Ids.PART_HUB)) {
            assertEquals(Ids.PERSPECTIVE_MANAGE, perspectiveOf(part), part + " is part of Beheer");
        }
    }

    private static String perspectiveOf(String part) {
        Node n = byElementId(part);
        while (n != null && !(n instanceof Element e && "advanced:Perspective"
                .equals(e.getAttributeNS("http://www.w3.org/2001/XMLSchema-instance", "type")))) {
            n = n.getParentNode();
        }
        return n == null ? null : ((Element) n).getAttribute("elementId");
    }

    @Test
    void everyCommandHasAHandlerAndClassesLoad() throws Exception {
        NodeList commands = model.getElementsByTagName("commands");
        NodeList handlers = model.getElementsByTagName("handlers");
        List<String> handled = new ArrayList<>();
        for (int i = 0; i < handlers.getLength(); i++) {
            handled.add(((Element) handlers.item(i)).getAttribute("command"));
        }
        for (int i = 0; i < commands.getLength(); i++) {
            String id = ((Element) commands.item(i)).getAttributeNS("http://www.omg.org/XMI", "id");
            assertTrue(handled.contains(id), "command " + id + " has a handler");
        }
        NodeList all = model.getElementsByTagName("*");
        int classes = 0;
        for (int i = 0; i < all.getLength(); i++) {
            String uri = ((Element) all.item(i)).getAttribute("contributionURI");
            if (uri.startsWith("bundleclass://org.vindplaats.ui/")) {
                bundle.loadClass(uri.substring("bundleclass://org.vindplaats.ui/".length()));
                classes++;
            }
        }
        assertTrue(classes >= 11, "parts, handlers and addons: " + classes);
    }

    @Test
    void ctrlOneTwoThreeSwitchPerspectives() {
        Map<String, String> keys = new HashMap<>();
        NodeList bindings = model.getElementsByTagName("bindings");
        for (int i = 0; i < bindings.getLength(); i++) {
            Element b = (Element) bindings.item(i);
            Element command = byXmiId.get(b.getAttribute("command"));
            NodeList params = b.getElementsByTagName("parameters");
            String value = params.getLength() == 0 ? "" : ((Element) params.item(0)).getAttribute("value");
            keys.put(b.getAttribute("keySequence"), command.getAttribute("elementId") + " " + value);
        }
        assertEquals(Ids.COMMAND_PERSPECTIVE + " " + Ids.PERSPECTIVE_ORIENT, keys.get("M1+1"));
        assertEquals(Ids.COMMAND_PERSPECTIVE + " " + Ids.PERSPECTIVE_SIGNAL, keys.get("M1+2"));
        assertEquals(Ids.COMMAND_PERSPECTIVE + " " + Ids.PERSPECTIVE_MANAGE, keys.get("M1+3"));
        assertEquals("org.vindplaats.ui.command.quit ", keys.get("M1+Q"));
        Element param = byXmiId.get("_cmdPerspectiveP");
        assertEquals(Ids.PARAMETER_PERSPECTIVE, param.getAttribute("elementId"));
    }

    @Test
    void signalerenHoldsTheTrendNotePartsWithCommandsAndKeys() {
        for (String part : List.of(Ids.PART_TREND_NOTES, Ids.PART_NEEDS_MAP, Ids.PART_INBOX, Ids.PART_NOTE_EDITOR)) {
            Node n = byElementId(part);
            while (n != null && !(n instanceof Element e && "advanced:Perspective"
                    .equals(e.getAttributeNS("http://www.w3.org/2001/XMLSchema-instance", "type")))) {
                n = n.getParentNode();
            }
            assertNotNull(n, part + " is in a perspective");
            assertEquals(Ids.PERSPECTIVE_SIGNAL, ((Element) n).getAttribute("elementId"), part);
        }
        Map<String, String> keys = new HashMap<>();
        NodeList bindings = model.getElementsByTagName("bindings");
        for (int i = 0; i < bindings.getLength(); i++) {
            Element b = (Element) bindings.item(i);
            keys.put(b.getAttribute("keySequence"), byXmiId.get(b.getAttribute("command")).getAttribute("elementId"));
        }
        assertEquals(Ids.COMMAND_NEW_NOTE, keys.get("M1+N"));
        assertEquals(Ids.COMMAND_SAVE_NOTE, keys.get("M1+S"));
        assertEquals(Ids.COMMAND_FIND_NOTES, keys.get("M1+F"));
        assertEquals(Ids.COMMAND_IMPORT_NOTES, keys.get("M1+I"));
        assertEquals(Ids.COMMAND_NEEDS_MAP, keys.get("M1+M"));
        assertEquals(Ids.PARAMETER_IMPORT_KIND, byXmiId.get("_cmdImportNotesP").getAttribute("elementId"));
    }

    @Test
    void everyLabelIsTranslatedAndMenusHaveMnemonics() throws Exception {
        Properties en = new Properties();
        Properties nl = new Properties();
        try (InputStream in = bundle.getEntry("OSGI-INF/l10n/bundle.properties").openStream()) {
            en.load(in);
        }
        try (InputStream in = bundle.getEntry("OSGI-INF/l10n/bundle_nl.properties").openStream()) {
            nl.load(in);
        }
        NodeList all = model.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            for (String attr : List.of("label", "tooltip", "commandName")) {
                String v = e.getAttribute(attr);
                if (v.startsWith("%")) {
                    assertNotNull(en.getProperty(v.substring(1)), v + " in bundle.properties");
                    assertNotNull(nl.getProperty(v.substring(1)), v + " in bundle_nl.properties");
                }
            }
            if ("menu:Menu".equals(e.getAttributeNS("http://www.w3.org/2001/XMLSchema-instance", "type"))
                    || "menu:HandledMenuItem".equals(e.getAttributeNS("http://www.w3.org/2001/XMLSchema-instance", "type"))) {
                String key = e.getAttribute("label").substring(1);
                assertTrue(en.getProperty(key).contains("&") && nl.getProperty(key).contains("&"), key + " has a mnemonic");
            }
        }
        assertEquals("Ori\u00ebnteren", nl.getProperty("perspective.orient"));
    }
}
