package org.beacon.client.ui.im;

import java.awt.BorderLayout;
import java.awt.EventQueue;
import java.awt.Point;
import java.awt.event.ComponentAdapter;
import java.awt.event.ComponentEvent;
import java.awt.event.MouseEvent;
import java.util.List;
import java.util.function.LongConsumer;
import javax.swing.JList;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JViewport;
import javax.swing.ListSelectionModel;
import javax.swing.ScrollPaneConstants;
import javax.swing.UIManager;
import javax.swing.event.ListDataEvent;
import javax.swing.event.ListDataListener;
import org.beacon.client.model.ClientModel;
import org.beacon.client.ui.Failures;
import org.beacon.client.ui.Names;
import org.beacon.protocol.ServerMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Message pane: a virtualized list (only visible rows are painted; rows are as high as their
 * wrapped text at the current width, measured once per row and width, and again when the width
 * changes) that follows new messages while the reader is at the bottom, keeps its place while they
 * read older ones, and asks the model for the page before the first row when scrolled to the top.
 * Tells its owner the seq of the last message on screen, for "shown" acks. EDT only.
 */
final class MessagePane extends JPanel {
    private static final long serialVersionUID = 1L;
    private static final Logger log = LoggerFactory.getLogger(MessagePane.class);
    static final int PAGE = 500;

    private final ClientModel model;
    private final String sessionId;
    private final MessageListModel rows;
    private final JList<MessageRow> list;
    private final JScrollPane scroll;
    private final int lineHeight;
    private final LongConsumer onVisible;
    private boolean loading;
    private boolean olderAvailable = true;
    private boolean followBottom = true;

    MessagePane(ClientModel model, String sessionId, MessageListModel rows, String me, LongConsumer onVisible) {
        super(new BorderLayout());
        this.model = model;
        this.sessionId = sessionId;
        this.rows = rows;
        this.onVisible = onVisible;
        this.list = new JList<>(rows) {
            private static final long serialVersionUID = 1L;

            @Override
            public String getToolTipText(MouseEvent event) {
                int index = locationToIndex(event.getPoint());
                return index < 0 ? null : getModel().getElementAt(index).text();
            }

            /** Rows wrap to the viewport's width: never wider, so no horizontal scrolling. */
            @Override
            public boolean getScrollableTracksViewportWidth() {
                return true;
            }
        };
        list.setName(Names.MESSAGE_PANE);
        list.getAccessibleContext().setAccessibleName("Messages");
        list.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        MessageRenderer renderer = new MessageRenderer(UIManager.getFont("Label.font"), me);
        list.setCellRenderer(renderer);
        list.setFixedCellHeight(-1);
        list.setFixedCellWidth(-1);
        list.setPrototypeCellValue(null);
        list.setToolTipText("");
        lineHeight = renderer.rowHeight();
        list.addComponentListener(new ComponentAdapter() {
            private int width = -1;

            @Override
            public void componentResized(ComponentEvent e) {
                if (list.getWidth() != width) {
                    width = list.getWidth();
                    rows.widthChanged();
                }
            }
        });
        scroll = new JScrollPane(list, ScrollPaneConstants.VERTICAL_SCROLLBAR_AS_NEEDED,
                ScrollPaneConstants.HORIZONTAL_SCROLLBAR_NEVER);
        scroll.getVerticalScrollBar().setUnitIncrement(lineHeight);
        scroll.getViewport().setScrollMode(JViewport.BLIT_SCROLL_MODE);
        add(scroll, BorderLayout.CENTER);

        rows.addListDataListener(new ListDataListener() {
            @Override
            public void intervalAdded(ListDataEvent e) {
                if (e.getIndex0() == 0 && rows.getSize() > e.getIndex1() + 1 && !followBottom) {
                    keepPlaceAfterPrepend(e.getIndex1() - e.getIndex0() + 1);
                } else if (followBottom) {
                    EventQueue.invokeLater(MessagePane.this::scrollToBottom);
                }
            }

            @Override
            public void intervalRemoved(ListDataEvent e) {
            }

            @Override
            public void contentsChanged(ListDataEvent e) {
            }
        });
        scroll.getVerticalScrollBar().getModel().addChangeListener(e -> scrolled());
    }

    JList<MessageRow> messageList() {
        return list;
    }

    /** Loads the latest page if nothing is held yet (a window opened on a session seen only in a banner). */
    void start(List<ServerMessage.Message> held, boolean older) {
        olderAvailable = older || held.isEmpty();
        rows.prepend(held);
        scrollToBottom();
        if (rows.getSize() == 0 || list.getPreferredSize().height < scroll.getViewport().getHeight()) {
            loadOlder();
        }
    }

    void scrollToBottom() {
        int last = rows.getSize() - 1;
        if (last >= 0) {
            list.ensureIndexIsVisible(last);
        }
        followBottom = true;
        reportVisible();
    }

    /** The seq of the last stored message on screen, or 0. */
    long lastVisibleSeq() {
        int last = list.getLastVisibleIndex();
        return last < 0 ? 0 : rows.seqAtOrBefore(last);
    }

    private void scrolled() {
        var bar = scroll.getVerticalScrollBar();
        followBottom = bar.getValue() + bar.getVisibleAmount() >= bar.getMaximum() - lineHeight;
        if (bar.getValue() == 0 && bar.getMaximum() > bar.getVisibleAmount()) {
            loadOlder();
        }
        reportVisible();
    }

    private void reportVisible() {
        if (isShowing()) {
            long seq = lastVisibleSeq();
            if (seq > 0) {
                onVisible.accept(seq);
            }
        }
    }

    private void loadOlder() {
        if (loading || !olderAvailable) {
            return;
        }
        loading = true;
        model.loadOlder(sessionId, PAGE).whenComplete((page, error) -> EventQueue.invokeLater(() -> {
            loading = false;
            if (error != null) {
                log.info("older messages of {} not loaded: {}", sessionId, Failures.describe(error));
                return;
            }
            if (page.isEmpty()) {
                olderAvailable = false;
                return;
            }
            boolean atBottom = followBottom;
            rows.prepend(page);
            olderAvailable = page.size() >= PAGE;
            if (atBottom) {
                scrollToBottom();
            }
        }));
    }

    private void keepPlaceAfterPrepend(int added) {
        JViewport viewport = scroll.getViewport();
        Point position = viewport.getViewPosition();
        java.awt.Rectangle prepended = list.getCellBounds(0, added - 1);
        int shift = prepended == null ? 0 : prepended.height;
        list.revalidate();
        scroll.validate();
        viewport.setViewPosition(new Point(position.x, position.y + shift));
    }
}
