package org.yuqing.casework.notifications;

import org.springframework.stereotype.Component;
import org.yuqing.casework.contacts.ContactDirectory;
import org.yuqing.casework.contacts.PersonContact;
import org.yuqing.casework.contacts.UnitRobot;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Plans the outside deliveries of a notice, in the transaction that makes it: email and SMS to each person the
 * directory names for the notice's role and unit (on the channels they take), and a message to each of the unit's
 * group robots. Only configured channels are planned. The dispatcher sends them after commit, so a rolled-back cause
 * sends nothing.
 */
@Component
class DeliveryPlanner {

    private final ContactDirectory directory;
    private final DeliveryRepository repository;
    private final Map<String, ChannelSender> senders;

    DeliveryPlanner(ContactDirectory directory, DeliveryRepository repository, List<ChannelSender> senders) {
        this.directory = directory;
        this.repository = repository;
        this.senders = senders.stream().collect(Collectors.toUnmodifiableMap(ChannelSender::channel, Function.identity()));
    }

    /**
     * A notice to one person (a case's assignee) goes to that person's own email and SMS, as the directory names them
     * under their login (whatever roles they hold there), and to no group robot.
     *
     * @return how many deliveries were planned
     */
    int plan(long notificationId, Notice notice, Instant now) {
        int planned = 0;
        List<PersonContact> people = notice.recipientLogin() == null
                ? directory.peopleFor(notice.recipientUnit(), notice.recipientRole())
                : directory.person(notice.recipientLogin()).stream().toList();
        for (PersonContact person : people) {
            if (on(PersonContact.EMAIL) && person.reachableOn(PersonContact.EMAIL)
                    && repository.plan(notificationId, notice.caseId(), notice.recipientUnit(), PersonContact.EMAIL,
                    person.login(), person.email(), now)) {
                planned++;
            }
            if (on(PersonContact.SMS) && person.reachableOn(PersonContact.SMS)
                    && repository.plan(notificationId, notice.caseId(), notice.recipientUnit(), PersonContact.SMS,
                    person.login(), person.mobile(), now)) {
                planned++;
            }
        }
        List<UnitRobot> robots = notice.recipientLogin() == null ? directory.robotsOf(notice.recipientUnit()) : List.of();
        for (UnitRobot robot : robots) {
            if (on(robot.kind()) && repository.plan(notificationId, notice.caseId(), notice.recipientUnit(),
                    robot.kind(), robot.name(), robot.shownAddress(), now)) {
                planned++;
            }
        }
        return planned;
    }

    private boolean on(String channel) {
        ChannelSender sender = senders.get(channel);
        return sender != null && sender.enabled();
    }
}
