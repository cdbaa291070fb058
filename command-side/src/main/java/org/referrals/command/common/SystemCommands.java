package org.referrals.command.common;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.referrals.api.common.Actor;

/** Commands the system sends by itself, under an actor of role SYSTEM naming the process. */
public final class SystemCommands {

    private SystemCommands() {
    }

    public static <R> R send(CommandGateway commands, Object command, Actor system) {
        return commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(system.asMetaData()));
    }
}
