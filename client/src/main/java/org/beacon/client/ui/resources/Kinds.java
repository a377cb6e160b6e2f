package org.beacon.client.ui.resources;

import java.util.Map;

/** Resource kinds as people say them ("ems_station" is "EMS station"). */
final class Kinds {
    private static final Map<String, String> LABELS = Map.of(
            "ems_station", "EMS station",
            "dispatch_center", "Dispatch center",
            "hospital", "Hospital",
            "eoc", "Emergency operations center");

    private Kinds() {
    }

    static String label(String kind) {
        return LABELS.getOrDefault(kind, kind.replace('_', ' '));
    }
}
