package org.beacon.client.ui;

/**
 * Component names ({@code setName}) that tests and accessibility tools find components by. Kept in
 * one place so that a rename cannot silently break a test.
 */
public final class Names {
    public static final String LOGIN_DIALOG = "login";
    public static final String LOGIN_USERNAME = "login.username";
    public static final String LOGIN_PASSWORD = "login.password";
    public static final String LOGIN_SERVER = "login.server";
    public static final String LOGIN_SIGN_IN = "login.signIn";
    public static final String LOGIN_CANCEL = "login.cancel";
    public static final String LOGIN_ERROR = "login.error";
    public static final String LOGIN_PROGRESS = "login.progress";

    public static final String MAIN_WINDOW = "main";
    public static final String NAV_RESOURCES = "nav.resources";
    public static final String NAV_IM = "nav.im";
    public static final String NAV_HELP = "nav.help";
    public static final String MUTE = "main.mute";
    public static final String STATUS = "main.status";
    public static final String BANNER = "banner";
    public static final String BANNER_TEXT = "banner.text";
    public static final String BANNER_OPEN = "banner.open";
    public static final String BANNER_DISMISS = "banner.dismiss";

    public static final String RESOURCES_FILTER = "resources.filter";
    public static final String RESOURCES_LIST = "resources.list";
    public static final String RESOURCE_TITLE = "resource.title";
    public static final String RESOURCE_BACK = "resource.back";
    public static final String CONTACTS = "resource.contacts";
    public static final String START_GROUP_CHAT = "resource.startGroupChat";

    public static final String IM_PRIVATE = "im.options.private";
    public static final String IM_CONFERENCE = "im.options.conference";
    public static final String IM_SESSIONS = "im.sessions";

    public static final String IM_WINDOW_PREFIX = "imWindow:";
    public static final String MESSAGE_PANE = "im.messages";
    public static final String MESSAGE_INPUT = "im.input";
    public static final String SEND = "im.send";
    public static final String CLOSE_SESSION = "im.close";
    public static final String IM_HELP = "im.help";
    public static final String IM_STATUS = "im.status";

    public static final String WIZARD = "wizard";
    public static final String WIZARD_SEARCH = "wizard.search";
    public static final String WIZARD_FILTER = "wizard.filter";
    public static final String WIZARD_CANDIDATES = "wizard.candidates";
    public static final String WIZARD_TITLE = "wizard.title";
    public static final String WIZARD_REVIEW = "wizard.review";
    public static final String WIZARD_BACK = "wizard.back";
    public static final String WIZARD_NEXT = "wizard.next";
    public static final String WIZARD_INVITE = "wizard.invite";
    public static final String WIZARD_CANCEL = "wizard.cancel";
    public static final String WIZARD_ERROR = "wizard.error";

    public static final String PICKER = "picker";
    public static final String PICKER_SEARCH = "picker.search";
    public static final String PICKER_LIST = "picker.list";
    public static final String PICKER_START = "picker.start";

    public static final String HELP_VIEWER = "help";

    private Names() {
    }

    /** The name of the IM window of a session. */
    public static String imWindow(String sessionId) {
        return IM_WINDOW_PREFIX + sessionId;
    }
}
