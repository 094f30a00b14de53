package dev.evals;

public final class Main {
  public static void main(String[] args) {}
}
