public enum SampleGenerator {}
