package io.weir.runtime.coordination;

import java.io.Serializable;

/** A message between an operator's subtasks and its coordinator on the JobMaster. */
public interface OperatorEvent extends Serializable {}
