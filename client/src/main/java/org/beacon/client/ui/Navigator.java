package org.beacon.client.ui;

import java.util.List;
import org.beacon.protocol.model.UserSummary;

/**
 * What a view may ask the application to do beyond itself. Implemented by the application's
 * per-user composition root; views get it passed in (no static lookups). EDT only.
 */
public interface Navigator {
    /** Opens (or brings forward) the IM window of a session. */
    void openSession(String sessionId);

    /** Starts a private chat with the user and opens its window (initiators only). */
    void startPrivateChat(String username);

    /**
     * Opens the conference wizard.
     *
     * @param offered    users to offer first (a resource's users), or empty for the whole directory
     * @param resourceId the resource the conference is started from, or {@code null}
     */
    void openConferenceWizard(List<UserSummary> offered, String resourceId);

    /** Opens the private chat picker (IM page, Options). */
    void openPrivateChatPicker();

    /** Shows a resource's detail page in the main window. */
    void showResource(String resourceId);

    /** Shows the list of resources in the main window. */
    void showResources();
}
