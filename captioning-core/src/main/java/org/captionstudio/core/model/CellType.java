package org.captionstudio.core.model;

/** The recurrent cell of the decoder. */
public enum CellType {
  /** Long short-term memory: gates i, f, g, o; a hidden state and a cell state. */
  LSTM(4),
  /**
   * Gated recurrent unit as in Cho et al. 2014: gates r, z and the candidate n, one state; the
   * reset gate applies to the previous state before its matrix product.
   */
  GRU(3);

  private final int gates;

  CellType(int gates) {
    this.gates = gates;
  }

  /** How many blocks of {@code hiddenSize} the input projection produces. */
  public int gates() {
    return gates;
  }

  /** Whether the cell carries a separate cell state besides the hidden state. */
  public boolean hasCellState() {
    return this == LSTM;
  }
}
