package org.vindplaats.ui.diagnostics.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.xml.parsers.DocumentBuilderFactory;

import org.eclipse.core.runtime.ContributorFactoryOSGi;
import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.IExtensionRegistry;
import org.eclipse.core.runtime.RegistryFactory;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.vindplaats.ui.Ids;
import org.vindplaats.ui.diagnostics.ScreenshotAddon;
import org.vindplaats.ui.diagnostics.StartupProbeAddon;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The diagnostic addons reach the workbench through the model the workbench assembles, not
 * through the product's own Application.e4xmi: that file plus every fragment registered at
 * {@value #MODEL_POINT}, merged as the workbench merges a string fragment (its elements added to
 * the feature of the element with the parent id). Run in the test framework, the registry is the
 * one the running product reads.
 */
class MergedModelTest {

    private static final String MODEL_POINT = "org.eclipse.e4.workbench.model";
    private static final String APPLICATION = "org.vindplaats.ui.application";
    private static final String BUNDLE = "org.vindplaats.ui.diagnostics";

    private static Document parse(URL url) throws Exception {
        assertNotNull(url);
        try (InputStream in = url.openStream()) {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            return f.newDocumentBuilder().parse(in);
        }
    }

    private static Element byElementId(Document model, String elementId) {
        NodeList all = model.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (elementId.equals(e.getAttribute("elementId"))) {
                return e;
            }
        }
        return null;
    }

    /** The application's addons: contributionURI by elementId, in model order. */
    private static Map<String, String> addons(Document model) {
        Map<String, String> out = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (Node n = model.getDocumentElement().getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && "addons".equals(e.getNodeName())) {
                assertTrue(seen.add(e.getAttribute("elementId")), "one addon per id: " + e.getAttribute("elementId"));
                out.put(e.getAttribute("elementId"), e.getAttribute("contributionURI"));
            }
        }
        return out;
    }

    private static Document productModel() throws Exception {
        return parse(FrameworkUtil.getBundle(Ids.class).getEntry("Application.e4xmi"));
    }

    @Test
    void theProductsOwnModelHoldsNoDiagnostics() throws Exception {
        Map<String, String> addons = addons(productModel());
        assertTrue(addons.containsKey("org.vindplaats.ui.addon.workspace"), "the product's addons are read: " + addons);
        for (Map.Entry<String, String> a : addons.entrySet()) {
            assertTrue(!a.getValue().contains("Screenshot") && !a.getValue().contains("StartupProbe")
                    && !a.getValue().startsWith("bundleclass://" + BUNDLE + "/"), "not in Application.e4xmi: " + a);
        }
    }

    @Test
    void theAssembledModelAddsScreenshotsAndTheStartUpProbe() throws Exception {
        Document model = productModel();
        assertEquals(APPLICATION, model.getDocumentElement().getAttribute("elementId"));
        IExtensionRegistry registry = RegistryFactory.getRegistry();
        assertNotNull(registry, "the extension registry runs");
        Map<String, Bundle> contributors = new HashMap<>();
        List<String> fragments = new ArrayList<>();
        for (IConfigurationElement ce : registry.getConfigurationElementsFor(MODEL_POINT)) {
            if (!"fragment".equals(ce.getName())) {
                continue;
            }
            Bundle bundle = ContributorFactoryOSGi.resolve(ce.getContributor());
            contributors.put(bundle.getSymbolicName(), bundle);
            fragments.add(bundle.getSymbolicName() + "/" + ce.getAttribute("uri"));
            Document fragment = parse(bundle.getEntry(ce.getAttribute("uri")));
            NodeList list = fragment.getElementsByTagName("fragments");
            for (int i = 0; i < list.getLength(); i++) {
                Element f = (Element) list.item(i);
                Element parent = byElementId(model, f.getAttribute("parentElementId"));
                assertNotNull(parent, fragments + ": the parent " + f.getAttribute("parentElementId") + " is in the model");
                for (Node n = f.getFirstChild(); n != null; n = n.getNextSibling()) {
                    if (n instanceof Element e && "elements".equals(e.getNodeName())) {
                        parent.appendChild(model.renameNode(model.importNode(e, true), null, f.getAttribute("featurename")));
                    }
                }
            }
        }
        assertTrue(contributors.containsKey(BUNDLE), "the diagnostics bundle registers its fragment: " + fragments);

        Map<String, String> addons = addons(model);
        assertEquals("bundleclass://" + BUNDLE + "/" + ScreenshotAddon.class.getName(), addons.get("org.vindplaats.ui.addon.screenshots"),
                "screenshot mode: " + addons);
        assertEquals("bundleclass://" + BUNDLE + "/" + StartupProbeAddon.class.getName(), addons.get("org.vindplaats.ui.addon.startupprobe"),
                "the start-up probe: " + addons);
        assertTrue(addons.containsKey("org.vindplaats.ui.addon.workspace"), "the product's own addons stay: " + addons);
        for (String uri : addons.values()) {
            String rest = uri.substring("bundleclass://".length());
            Bundle from = contributors.get(rest.substring(0, rest.indexOf('/')));
            if (from != null) {
                assertNotNull(from.loadClass(rest.substring(rest.indexOf('/') + 1)), uri);
            }
        }
    }
}
