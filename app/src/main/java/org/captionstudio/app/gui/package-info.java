/**
 * The JavaFX desktop app, MVVM: each feature is a view that only binds and a view model that holds
 * state and commands and can be tested in plain JUnit. The FX thread boundary sits in the view
 * models; slow work goes through a {@link org.captionstudio.app.gui.TaskExecutor}.
 */
package org.captionstudio.app.gui;
